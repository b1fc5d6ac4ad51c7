package dev.proctest.engine.sockets;

import java.util.regex.Pattern;
import org.zeromq.SocketType;
import org.zeromq.ZMQException;
import zmq.ZError;

/** Why a test socket failed, said in the words of the person reading the test's failure rather than in JeroMQ's error codes. */
final class SocketFailures {

    private static final Pattern ADDRESS = Pattern.compile("tcp://(\\*|[^:/\\s]+|\\[[0-9a-fA-F:.]+\\]):(\\*|\\d{1,5})(;.*)?"
            + "|ipc://[^\\s]+|inproc://[^\\s]+");

    private SocketFailures() {}

    /** Whether {@code address} is one a ZeroMQ socket binds or connects to. */
    static boolean isZeroMqAddress(String address) {
        return ADDRESS.matcher(address).matches();
    }

    /** Why a message of a {@code type} socket was not sent within its timeout. */
    static String whyNotSent(SocketType type, boolean attached) {
        if (type == SocketType.REQ || type == SocketType.DEALER || type == SocketType.PUSH || type == SocketType.PAIR) {
            return !attached ? "it is neither bound nor connected" : "no peer took it: none is connected, or the peers do not read fast enough";
        }
        return "the peer does not read fast enough";
    }

    /** What JeroMQ's error {@code e} means on a {@code type} socket. */
    static String reason(ZMQException e, SocketType type) {
        int code = e.getErrorCode();
        if (code == ZError.EFSM) {
            return "a " + type + " socket " + (type == SocketType.REQ ? "must receive the reply before it sends again"
                    : "must receive a request before it sends a reply") + " (ZeroMQ's request-reply lockstep)";
        } else if (code == ZError.EADDRINUSE) {
            return "the address is in use";
        } else if (code == ZError.EINTR) {
            Thread.currentThread().interrupt();
            return "the thread was interrupted";
        } else if (code == ZError.ETERM) {
            return "the test's sockets have been shut down";
        } else if (code == ZError.ENOTSUP) {
            return "a " + type + " socket does not support this";
        }
        return e.getMessage();
    }
}
