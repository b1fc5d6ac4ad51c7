"""The message queue server of dev.proctest.samples.mq, a second implementation in Python.

python3 queue_server.py <port> [<cache size>]: on loopback, standard library only. It speaks the
protocol the package documentation of dev.proctest.samples.mq describes, as the Java server does
(its JSON compact as Java's, non-ASCII characters escaped), so that one test suite proves the two
wire compatible.
"""

import asyncio
import collections
import json
import sys

DEFAULT_CACHE_SIZE = 100
MAX_LINE = 1 << 20

NOT_UTF8 = "Could not decode input as UTF-8"
MALFORMED = "Malformed json message"
UNKNOWN_COMMAND = "Unknown command"


def dumps(value):
    return json.dumps(value, separators=(",", ":"))


def failure(reason):
    return dumps({"success": False, "reason": reason})


SUCCESS = dumps({"success": True})


class Topic:
    def __init__(self, cache_size):
        self.subscribers = {}  # an ordered set: writer -> None
        self.cache = collections.deque(maxlen=cache_size) if cache_size > 0 else None
        self.next_index = 0
        self.next_one = 0


class Broker:
    def __init__(self, cache_size):
        self.cache_size = cache_size
        self.topics = {}
        self.subscriptions = {}  # client -> the topics it is subscribed to: one that goes leaves those, not every topic

    def topic(self, name):
        if name not in self.topics:
            self.topics[name] = Topic(self.cache_size)
        return self.topics[name]

    def handle(self, client, line):
        request = parse(line)
        if isinstance(request, str):
            client.send(failure(request))
        elif request["command"] == "subscribe":
            topic = self.topic(request["topic"])
            topic.subscribers[client] = None
            self.subscriptions.setdefault(client, set()).add(request["topic"])
            client.send(SUCCESS)
            if request.get("cache", True) and topic.cache is not None:
                last_seen = request.get("last_seen")
                for index, message in topic.cache:
                    if last_seen is None or index > last_seen:
                        client.send(message)
        elif request["command"] == "unsubscribe":
            topic = self.topics.get(request["topic"])
            if topic is not None:
                topic.subscribers.pop(client, None)
                self.subscriptions.get(client, set()).discard(request["topic"])
            client.send(SUCCESS)
        else:
            topic = self.topic(request["topic"])
            index = topic.next_index
            topic.next_index += 1
            message = dumps({"command": "send", "topic": request["topic"], "msg": request["msg"], "index": index,
                             "delivery": request["delivery"]})
            if topic.cache is not None:
                topic.cache.append((index, message))
            client.send(SUCCESS)
            subscribers = list(topic.subscribers)
            if subscribers and request["delivery"] == "all":
                for subscriber in subscribers:
                    subscriber.send(message)
            elif subscribers:
                subscribers[topic.next_one % len(subscribers)].send(message)
                topic.next_one += 1

    def gone(self, client):
        for name in self.subscriptions.pop(client, set()):
            self.topics[name].subscribers.pop(client, None)


def is_int(value):
    return type(value) is int  # not bool, which Python counts as an int


def reject_constant(name):
    raise ValueError(f"{name} is not JSON")  # NaN and Infinity, which Python's json takes and JSON has not


def parse(line):
    """Returns the request as a dict, or the reason why it is none."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return NOT_UTF8
    try:
        request = json.loads(text, parse_constant=reject_constant)
    except ValueError:
        return MALFORMED
    if type(request) is not dict or type(request.get("command")) is not str:
        return MALFORMED
    keys = set(request)
    command = request["command"]
    if command == "subscribe":
        if not {"command", "topic"} <= keys <= {"command", "topic", "last_seen", "cache"} or type(request["topic"]) is not str:
            return MALFORMED
        if "last_seen" in request and not is_int(request["last_seen"]):
            return MALFORMED
        if "cache" in request and type(request["cache"]) is not bool:
            return MALFORMED
    elif command == "unsubscribe":
        if keys != {"command", "topic"} or type(request["topic"]) is not str:
            return MALFORMED
    elif command == "send":
        if keys != {"command", "topic", "msg", "delivery"} or type(request["topic"]) is not str \
                or type(request["msg"]) is not str or request["delivery"] not in ("all", "one"):
            return MALFORMED
    else:
        return UNKNOWN_COMMAND
    return request


class Client:
    def __init__(self, writer):
        self.writer = writer

    def send(self, line):
        if not self.writer.is_closing():
            self.writer.write(line.encode("utf-8") + b"\r\n")


async def serve_client(broker, reader, writer):
    client = Client(writer)
    try:
        while True:
            try:
                line = await reader.readuntil(b"\n")
            except asyncio.IncompleteReadError:
                return  # the client closed its end
            except asyncio.LimitOverrunError as too_long:
                client.send(failure(MALFORMED))
                await skip_line(reader, too_long.consumed)
                continue
            line = line[:-1]
            if line.endswith(b"\r"):
                line = line[:-1]
            broker.handle(client, line)
            await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        broker.gone(client)
        writer.close()


async def skip_line(reader, consumed):
    """Drops the rest of a line too long to read."""
    while True:
        await reader.readexactly(consumed)
        try:
            await reader.readuntil(b"\n")
            return
        except asyncio.LimitOverrunError as more:
            consumed = more.consumed


async def main():
    if len(sys.argv) not in (2, 3):
        print(f"usage: queue_server.py <port> [<cache size>, default {DEFAULT_CACHE_SIZE}]", file=sys.stderr)
        sys.exit(2)
    port = int(sys.argv[1])
    cache_size = int(sys.argv[2]) if len(sys.argv) == 3 else DEFAULT_CACHE_SIZE
    broker = Broker(cache_size)
    server = await asyncio.start_server(lambda r, w: serve_client(broker, r, w), "127.0.0.1", port, limit=MAX_LINE,
                                        backlog=16384)
    print(f"queue listening on 127.0.0.1:{port}, caching {cache_size} messages per topic", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
