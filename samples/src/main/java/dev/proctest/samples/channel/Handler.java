package dev.proctest.samples.channel;

/** What a channel server does with each request: returns the reply, or throws, which the client receives as a failure. */
@FunctionalInterface
public interface Handler {
    Object handle(Object request) throws Exception;
}
