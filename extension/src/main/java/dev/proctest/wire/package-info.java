/**
 * The coordinator protocol between the test JVM's hub and the child runtime in every child JVM.
 *
 * <p>Each message is a JeroMQ multipart message: a frame with the {@link dev.proctest.wire.MessageType}
 * then the frames of its fields. A child's DEALER carries its child id as identity; the hub's ROUTER
 * sees it as the first frame. Internal: both ends ship together in the same release.
 */
@API(status = INTERNAL, since = "0.1")
package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
