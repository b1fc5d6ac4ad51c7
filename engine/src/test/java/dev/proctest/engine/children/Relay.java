package dev.proctest.engine.children;

/** A hardware-like switch: final, as device drivers often are. */
public final class Relay {

    private final String name;
    private boolean on;

    public Relay(String name) {
        this.name = name;
        System.out.println("relay " + name + " wired");
    }

    public void switchOn() {
        on = true;
    }

    public void switchOff() {
        on = false;
    }

    public boolean isOn() {
        return on;
    }

    /** Fails for a level out of range, as hardware refuses. */
    public int dim(int level) {
        if (level < 0 || level > 100) {
            throw new IllegalArgumentException("level " + level + " is out of range");
        }
        return level;
    }

    /** Takes something that does not serialize. */
    public void attach(Thread owner) {
        System.out.println(name + " attached to " + owner.getName());
    }
}
