/**
 * The coordinator protocol between the test JVM's hub and the child runtime in every child JVM.
 *
 * <p>Each message is a JeroMQ multipart message: a frame with the message's name, then the frames
 * of its fields; {@link dev.proctest.wire.Message} has a record per message, and {@link
 * dev.proctest.wire.MessageCodec} lays them out for both ends. A child's DEALER carries its child
 * id as identity; the hub's ROUTER sees it as the first frame. A child states its {@link
 * dev.proctest.wire.Protocol} version in its HELLO. Internal: both ends ship together.
 */
@API(status = INTERNAL, since = "0.1")
package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
