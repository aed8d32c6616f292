package org.wso2.carbon.is.migration.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of a database server that can be frozen: its sockets stay open and nothing more passes
 * either way, which is what a hung server, a dead host behind a firewall or a cut network looks like to a client.
 * Frozen from the start (or with no server behind it), it is a listener that accepts and never answers.
 */
public final class FreezableProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean frozen;

    private FreezableProxy(String targetHost, int targetPort, boolean frozen) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.frozen = frozen;
        Thread acceptor = new Thread(this::accept, "freezable-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Forwards to {@code host:port} until {@link #freeze()}. */
    public static FreezableProxy to(String host, int port) throws IOException {
        return new FreezableProxy(host, port, false);
    }

    /** Accepts connections and never sends a byte. */
    public static FreezableProxy silentListener() throws IOException {
        return new FreezableProxy(null, 0, true);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** From now on nothing passes; every connection stays open. */
    public void freeze() {
        frozen = true;
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
                sockets.add(server);
                pump(client.getInputStream(), server.getOutputStream());
                pump(server.getInputStream(), client.getOutputStream());
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(InputStream in, OutputStream out) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    while (frozen) {
                        Thread.sleep(50); // hold what arrived; send nothing more
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // A side closed, or the proxy did.
            }
        }, "freezable-proxy-pump");
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
}
