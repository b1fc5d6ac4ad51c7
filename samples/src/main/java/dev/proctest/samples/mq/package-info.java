/**
 * A message queue server, and the protocol that its Java ({@link dev.proctest.samples.mq.QueueServer})
 * and Python ({@code src/main/python/queue_server.py}) implementations both speak, so that one
 * suite proves them wire compatible.
 *
 * <p>Clients send one JSON object per line over TCP; lines end with {@code \n}, a {@code \r}
 * before it is dropped. The server answers every line with {@code {"success":true}} or {@code
 * {"success":false,"reason":...}}, its lines ending with {@code \r\n}:
 *
 * <ul>
 *   <li>{@code {"command":"subscribe","topic":T}}, optionally with {@code "last_seen":N} (an
 *       integer) and {@code "cache":B} (a boolean, default true): the client receives the
 *       topic's messages from now on; after the reply come the cached ones, oldest first, those
 *       with an index above {@code last_seen} if it is given, none if {@code cache} is false.
 *   <li>{@code {"command":"unsubscribe","topic":T}}: no more of the topic's messages.
 *   <li>{@code {"command":"send","topic":T,"msg":M,"delivery":"all"|"one"}}: the reply, then
 *       {@code {"command":"send","topic":T,"msg":M,"index":I,"delivery":D}} to every subscriber
 *       of the topic ({@code all}, the sender too if it subscribed) or to one of them, each in
 *       turn ({@code one}). {@code index} counts the topic's messages from 0. Each topic keeps its
 *       newest messages, as many as the server's cache size.
 * </ul>
 *
 * <p>Reasons: {@code Could not decode input as UTF-8} for a line that is not UTF-8; {@code
 * Malformed json message} for one that is not a JSON object, lacks a key, has a key its command
 * does not take, or a value of the wrong type (a boolean is not an integer, {@code NaN} is not
 * JSON); {@code Unknown command} for a {@code command} that is a string but none of the three.
 * A line that grows past 1 MiB before its end is answered as malformed.
 */
package dev.proctest.samples.mq;
