package dk.mico.rightsdesk.support;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An SMTP server of a test's own (GreenMail on a free loopback port) behind a relay that counts the connections made
 * to it, with a hook that sees every delivery as it happens, before the server answers it: a hook that throws
 * refuses the mail, and GreenMail then drops the connection, as a server that fails in the middle of a session.
 */
public final class CountingSmtpServer implements AutoCloseable {

  private final GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  private final ServerSocket relay;
  private final ExecutorService pumps = Executors.newCachedThreadPool();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile Consumer<String> onDelivery = recipient -> { };

  public CountingSmtpServer() throws IOException {
    greenMail.start();
    MessageDeliveryHandler standard = greenMail.getUserManager().getMessageDeliveryHandler();
    greenMail.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
      onDelivery.accept(recipient.getEmail());
      return standard.handle(message, recipient);
    });
    relay = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pumps.execute(this::relayConnections);
  }

  /** The port to send to (the relay's). */
  public int port() {
    return relay.getLocalPort();
  }

  /** Connections made so far; one is counted before its client can read the server's greeting. */
  public int connections() {
    return connections.get();
  }

  /** Runs {@code hook} with the recipient of every mail the server is about to take; a throw refuses the mail. */
  public void onDelivery(Consumer<String> hook) {
    onDelivery = hook;
  }

  public List<MimeMessage> received() {
    return List.of(greenMail.getReceivedMessages());
  }

  @Override
  public void close() throws IOException {
    relay.close();
    pumps.shutdownNow();
    greenMail.stop();
  }

  private void relayConnections() {
    while (!relay.isClosed()) {
      try {
        Socket client = relay.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), greenMail.getSmtp().getPort());
        connections.incrementAndGet();
        pumps.execute(() -> pump(client, server));
        pumps.execute(() -> pump(server, client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** Copies one direction until it ends, then closes both sides, as the end of a session does. */
  private static void pump(Socket from, Socket to) {
    try (from; to) {
      from.getInputStream().transferTo(to.getOutputStream());
    } catch (IOException e) {
      // the other direction closed the sockets first
    }
  }
}
