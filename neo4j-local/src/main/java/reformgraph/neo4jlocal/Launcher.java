package reformgraph.neo4jlocal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

import sun.misc.Signal;

/**
 * Starts Neo4j Community embedded with Bolt on 127.0.0.1 and blocks until SIGTERM/SIGINT.
 *
 * Arguments: --port N (default 7687), --data DIR (default .data/neo4j), --password-file FILE.
 * Prints exactly one line starting with "NEO4J_READY bolt://127.0.0.1:PORT" once Bolt accepts
 * connections; callers wait for that line (or poll the port). Errors go to stderr with exit 1.
 *
 * With --password-file, authentication is on and user neo4j has the password in that file (set
 * at every start, so the file is the one source of truth; read from a file, not an argument,
 * because arguments are visible to every local user in `ps`). Without it, authentication is off.
 */
public final class Launcher {
    public static void main(String[] args) throws Exception {
        int port = 7687;
        Path data = Path.of(".data", "neo4j");
        Path passwordFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--password-file" -> passwordFile = Path.of(args[++i]);
                default -> {
                    System.err.println("neo4j-local: unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        long started = System.nanoTime();
        Files.createDirectories(data);
        String password = passwordFile == null ? null : Files.readString(passwordFile).strip();
        if (password != null && password.length() < 8) {
            System.err.println("neo4j-local: the password in " + passwordFile + " is shorter than 8 characters");
            System.exit(2);
        }

        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(data.toAbsolutePath())
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, password != null)
                    // Small machine: keep the page cache modest; the JVM heap is set by the caller.
                    .setConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
                    .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(60))
                    // Check timeouts every 100 ms (default 2 s), so a client's transaction
                    // timeout stops a runaway read promptly.
                    .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(100))
                    // Bolt waits 5 s for its worker threads and 5 s more for its connections
                    // before shutting down: Ctrl-C took 10 s. Clients here are on loopback and
                    // already closed by then; one second each is plenty.
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .build();
        } catch (Throwable e) {
            System.err.println("neo4j-local: failed to start: " + rootMessage(e));
            System.exit(1);
            return;
        }

        // SIGTERM/SIGINT end the wait below; the store is then closed and the process exits 0.
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        Signal.handle(new Signal("INT"), s -> stop.countDown());

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        // Wait until the default database is available, so "ready" means queries succeed.
        if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
            System.err.println("neo4j-local: database did not become available");
            System.exit(1);
        }
        if (password != null) {
            try {
                setPassword(dbms, password);
            } catch (Throwable e) {
                System.err.println("neo4j-local: could not set the password: " + rootMessage(e));
                dbms.shutdown();
                System.exit(1);
            }
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.println("NEO4J_READY bolt://127.0.0.1:" + port + " in " + ms + " ms");
        System.out.flush();
        stop.await();
        dbms.shutdown();
        System.out.println("NEO4J_STOPPED");
        System.out.flush();
        System.exit(0);
    }

    /**
     * Gives user neo4j this password, with no change required. The embedded API runs with full
     * rights and needs no login, which is what `neo4j-admin dbms set-initial-password` relies on
     * too; unlike that command it also works on a store that already has users.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to set the password the user already has: nothing to do then.
            if (!rootMessage(e).contains("Old password and new password cannot be the same")) throw e;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder sb = new StringBuilder(String.valueOf(t.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            sb.append(" <- ").append(t.getMessage());
        }
        return sb.toString();
    }
}
