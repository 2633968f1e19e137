package io.firebreak.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP gate in front of a test's SMTP server, through which Firebreak sends its mail: open (mail
 * flows), down (the server is unreachable: connections are refused), or hanging (connections are
 * accepted and then nothing happens, as with a server that has stopped answering; a send stays
 * in the middle of its work until the mail client's timeout).
 */
public final class SmtpGate implements AutoCloseable {

	private enum Mode {
		OPEN, HANG, DOWN
	}

	private final int port = FirebreakNode.freePort();
	private final int upstreamPort;
	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
	private volatile Mode mode = Mode.OPEN;
	private ServerSocket server;

	public SmtpGate(int upstreamPort) {
		this.upstreamPort = upstreamPort;
		listen();
	}

	public int port() {
		return port;
	}

	/** Mail flows to the SMTP server behind the gate. */
	public synchronized void open() {
		mode = Mode.OPEN;
		listen();
	}

	/** New connections are accepted and left hanging; sends already under way finish. */
	public synchronized void hang() {
		mode = Mode.HANG;
		listen();
	}

	/** The server is gone: every connection is cut, and new ones are refused. */
	public synchronized void down() {
		mode = Mode.DOWN;
		closeQuietly(server);
		server = null;
		sockets.forEach(SmtpGate::closeQuietly);
		sockets.clear();
	}

	@Override
	public synchronized void close() {
		down();
	}

	private void listen() {
		if (server != null) {
			return;
		}
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress("127.0.0.1", port));
			server = socket;
			Thread acceptor = new Thread(() -> accept(socket), "smtp-gate-" + port);
			acceptor.setDaemon(true);
			acceptor.start();
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot listen on " + port, e);
		}
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				sockets.add(client);
				if (mode == Mode.OPEN) {
					Socket upstream = new Socket("127.0.0.1", upstreamPort);
					sockets.add(upstream);
					pump(client, upstream);
					pump(upstream, client);
				}
			}
			catch (IOException closedOrRefused) {
				// the gate went down, or the server behind it refused; the client sees a cut connection
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread pump = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException cut) {
				// either side went away
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				sockets.remove(from);
				sockets.remove(to);
			}
		}, "smtp-gate-pump");
		pump.setDaemon(true);
		pump.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			if (closeable != null) {
				closeable.close();
			}
		}
		catch (Exception ignored) {
			// closing what is already gone
		}
	}
}
