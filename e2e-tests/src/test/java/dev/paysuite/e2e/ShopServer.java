package dev.paysuite.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The merchant's own site, where a payment link's redirect and a payment's return_url lead: a page
 * on a free local port that records every request it gets, so a test sees the browser arrive.
 */
final class ShopServer implements AutoCloseable {
    private final HttpServer server;
    private final List<URI> requests = new CopyOnWriteArrayList<>();

    private ShopServer(HttpServer server) {
        this.server = server;
    }

    static ShopServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ShopServer shop = new ShopServer(server);
            server.createContext("/", exchange -> {
                shop.requests.add(exchange.getRequestURI());
                byte[] page = """
                        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Back at the shop</title></head>
                        <body><main><h1>Back at the shop</h1><p>Thank you for your order.</p></main></body></html>"""
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(page);
                }
            });
            server.start();
            return shop;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** http://127.0.0.1:port + path */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** What the browser asked for so far (path and query). */
    List<URI> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
