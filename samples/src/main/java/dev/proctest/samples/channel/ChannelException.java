package dev.proctest.samples.channel;

/** A request that got no reply: its handler failed, or the channel closed before the reply came. */
public final class ChannelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ChannelException(String message) {
        super(message);
    }
}
