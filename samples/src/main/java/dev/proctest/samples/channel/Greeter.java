package dev.proctest.samples.channel;

/** The greeter's answers: "ohai" gets "cya", anything else is echoed. */
public class Greeter implements Handler {

    @Override
    public Object handle(Object request) {
        return "ohai".equals(request) ? "cya" : request;
    }
}
