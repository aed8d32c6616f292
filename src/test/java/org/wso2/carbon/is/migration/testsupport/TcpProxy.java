package org.wso2.carbon.is.migration.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy in front of a database server, for what a client sees of the network between them:
 * <ul>
 * <li>a delay: every byte arrives {@code oneWay} after it was sent, in each direction, so that each round trip
 *     costs twice that, as between two hosts, while as many bytes as the client sends still pass (a delay, not a
 *     slower line);</li>
 * <li>a freeze: its sockets stay open and nothing more passes either way, which is what a hung server, a dead host
 *     behind a firewall or a cut network looks like. Frozen from the start (or with no server behind it), it is a
 *     listener that accepts and never answers.</li>
 * </ul>
 */
public final class TcpProxy implements AutoCloseable {

    private static final Pattern HOST_PORT = Pattern.compile("//([^:/]+):(\\d+)/");

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final long oneWayNanos;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean frozen;

    private TcpProxy(String targetHost, int targetPort, Duration oneWay, boolean frozen) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.oneWayNanos = oneWay.toNanos();
        this.frozen = frozen;
        daemon(this::accept, "tcp-proxy-accept");
    }

    /**
     * Forwards to {@code database}'s server until {@link #freeze()}, each byte {@code oneWay} late in each
     * direction.
     */
    public static TcpProxy inFrontOf(TestDatabase database, Duration oneWay) throws IOException {
        Matcher server = hostPort(database);
        return new TcpProxy(server.group(1), Integer.parseInt(server.group(2)), oneWay, false);
    }

    /** Accepts connections and never sends a byte. */
    public static TcpProxy silentListener() throws IOException {
        return new TcpProxy(null, 0, Duration.ZERO, true);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** {@code database} reached through this proxy: its URL with the server's host and port replaced. */
    public TestDatabase reaching(TestDatabase database) {
        String url = hostPort(database).replaceFirst("//127.0.0.1:" + port() + "/");
        return new TestDatabase(database.dialect(), database.engine(), database.name(), url, database.user(),
                database.password(), database.driver());
    }

    /** From now on nothing passes; every connection stays open. */
    public void freeze() {
        frozen = true;
    }

    private static Matcher hostPort(TestDatabase database) {
        Matcher server = HOST_PORT.matcher(database.url());
        if (!server.find()) {
            throw new IllegalArgumentException("no //host:port/ in " + database.url());
        }
        return server;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                if (targetHost == null) {
                    continue;
                }
                Socket server = new Socket(targetHost, targetPort);
                server.setTcpNoDelay(true);
                client.setTcpNoDelay(true);
                sockets.add(server);
                forward(client.getInputStream(), server.getOutputStream());
                forward(server.getInputStream(), client.getOutputStream());
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * One direction: a reader stamps each chunk with the time it is due and queues it, a writer sends it then, so
     * a chunk's delay does not hold up the chunks behind it.
     */
    private void forward(InputStream in, OutputStream out) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        daemon(() -> {
            byte[] buffer = new byte[65536];
            try {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    queue.put(new Chunk(System.nanoTime() + oneWayNanos, Arrays.copyOf(buffer, read)));
                }
            } catch (IOException | InterruptedException e) {
                // A side closed, or the proxy did.
            }
            queue.add(Chunk.END);
        }, "tcp-proxy-read");
        daemon(() -> {
            try {
                for (Chunk chunk = queue.take(); chunk != Chunk.END; chunk = queue.take()) {
                    for (long wait = chunk.due - System.nanoTime(); wait > 0; wait = chunk.due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    while (frozen) {
                        Thread.sleep(50); // hold what arrived; send nothing more
                    }
                    out.write(chunk.bytes);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // A side closed, or the proxy did.
            }
        }, "tcp-proxy-write");
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    /** Bytes read from one side and the time they are due at the other. */
    private record Chunk(long due, byte[] bytes) {
        static final Chunk END = new Chunk(0, new byte[0]);
    }
}
