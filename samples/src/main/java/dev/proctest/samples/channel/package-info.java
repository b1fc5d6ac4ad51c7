/**
 * A small request-reply channel library: JSON requests and replies in length-prefixed frames over a
 * stream socket, TCP or Unix domain ({@link dev.proctest.samples.channel.Channel}, {@link
 * dev.proctest.samples.channel.ChannelServer}), and a server application built on it ({@link
 * dev.proctest.samples.channel.GreeterServer}).
 */
package dev.proctest.samples.channel;
