package io.swarmdrop.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * An outsider's BitTorrent peer, as in finding A2 of the security audit: it knows an info-hash
 * (from a leaked torrent, a sniffed announce or a captured offer) and nothing else, connects
 * straight to a BitTorrent port, says it is interested and asks for the first block of piece 0.
 * It answers how many bytes of the file it was sent: 16 KiB from a swarm anyone may join, 0 from
 * one that admits members only.
 */
public final class RawPeer {

    private static final int BLOCK = 16 * 1024;
    private static final int MAX_MESSAGES = 10_000;

    private RawPeer() {}

    /** Over plain TCP, as any BitTorrent client would. */
    public static int fetchFirstBlock(String host, int port, String infoHashHex, Duration timeout) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return exchange(socket, infoHashHex, timeout);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Over TLS with no certificate of its own and trusting any server, naming the torrent in SNI as
     * libtorrent's SSL torrents expect: what an outsider can try on an SSL listen port.
     */
    public static int fetchFirstBlockOverTls(String host, int port, String infoHashHex, Duration timeout) {
        try {
            var context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustingEveryone()}, new SecureRandom());
            try (var plain = new Socket()) {
                plain.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
                plain.setSoTimeout((int) timeout.toMillis());
                var socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
                var parameters = socket.getSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName(infoHashHex)));
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                return exchange(socket, infoHashHex, timeout);
            }
        } catch (IOException | java.security.GeneralSecurityException e) {
            return 0;
        }
    }

    private static int exchange(Socket socket, String infoHashHex, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        socket.setSoTimeout((int) timeout.toMillis());
        var out = new DataOutputStream(socket.getOutputStream());
        var in = new DataInputStream(socket.getInputStream());
        byte[] peerId = new byte[20];
        new SecureRandom().nextBytes(peerId);
        out.writeByte(19);
        out.write("BitTorrent protocol".getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[8]);
        out.write(HexFormat.of().parseHex(infoHashHex));
        out.write(peerId);
        out.flush();
        try {
            in.readFully(new byte[68]);
            send(out, 2); // interested
            boolean requested = false;
            for (int i = 0; i < MAX_MESSAGES && System.nanoTime() < deadline; i++) {
                int length = in.readInt();
                if (length == 0) {
                    continue; // keep-alive
                }
                if (length > 2 * BLOCK + 13) {
                    return 0;
                }
                byte[] message = new byte[length];
                in.readFully(message);
                if (message[0] == 1 && !requested) { // unchoke
                    out.writeInt(13);
                    out.writeByte(6); // request: piece 0, offset 0, one block
                    out.writeInt(0);
                    out.writeInt(0);
                    out.writeInt(BLOCK);
                    out.flush();
                    requested = true;
                } else if (message[0] == 7) { // piece
                    return length - 9;
                }
            }
            return 0;
        } catch (EOFException | SocketTimeoutException e) {
            return 0;
        }
    }

    private static void send(DataOutputStream out, int id) throws IOException {
        out.writeInt(1);
        out.writeByte(id);
        out.flush();
    }

    private static final class TrustingEveryone implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
