// A stand-in for members-service for bench/gateway-overhead.sh --standalone: a JDK HTTP server that answers
// GET /.well-known/jwks.json and GET /api/v1/chapters with fixed JSON, so that the gateway's own cost can be measured
// without the suite, Kafka or the store. Run: java -Dsun.net.httpserver.nodelay=true bench/gateway-standin.java PORT
// (without nodelay, Nagle and delayed ACKs hold each keep-alive answer for ~40 ms)
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

public class GatewayStandin {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "18181");
        byte[] jwks = ("{\"keys\":[{\"kty\":\"RSA\",\"e\":\"AQAB\",\"kid\":\"bench\",\"n\":\""
                + "x".repeat(342) + "\"}]}").getBytes(StandardCharsets.UTF_8);
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            items.append(i == 0 ? "" : ",").append("{\"id\":\"ch-").append(i).append("\",\"name\":\"Chapter ")
                    .append(i).append("\",\"regionId\":\"r-1\"}");
        }
        byte[] chapters = ("{\"items\":[" + items + "],\"page\":0,\"size\":20,\"total\":20}")
                .getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            byte[] body = path.startsWith("/api/v1/chapters") ? chapters
                    : path.equals("/.well-known/jwks.json") ? jwks : null;
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().set("Content-Type", "application/json");
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
        System.out.println("stand-in listening on " + port);
    }
}
