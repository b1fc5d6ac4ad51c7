/**
 * The PyZMQ article's ping-pong application in Java: {@link ZmqProcess} and {@link MessageHandler}
 * are the two base layers, {@link PongProc} with its {@link RepStreamHandler} the process, and
 * {@link PingHandler} the application logic, which knows nothing of ZeroMQ. {@link PingPong}
 * starts pong as a process of its own and pings it five times.
 */
package dev.proctest.samples.pingpong;
