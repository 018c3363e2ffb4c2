package io.powernode.devops.rollout;

import io.powernode.devops.commands.RetryingSender;
import io.powernode.devops.commands.RetryingSender.Delivery;
import io.powernode.devops.commands.RetryingSender.Undelivered;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the sagas' commands from a thread of its own and waits for each. On the saga's thread a command would be
 * handled in a unit of work nested in the saga's, inside its transaction: a refusal (a cluster in maintenance)
 * would roll the saga's handling back with it, and a request would be committed only with the saga, after the
 * cluster may have acted on it. Sent apart, each command commits when it is handled and a refusal is an answer.
 */
@Component
public class SagaCommands implements DisposableBean {

    private final RetryingSender sender;
    private final ExecutorService senders = Executors.newCachedThreadPool(new SenderThreads());

    public SagaCommands(CommandGateway commandGateway) {
        this.sender = new RetryingSender(commandGateway);
    }

    /**
     * @param causationId the message being handled
     * @return accepted or refused
     * @throws CommandUndelivered when the command could not be handled however often it was tried: the saga's
     *                            handling fails and is tried again later, as after a crash, which is safe since
     *                            everything a saga sends is recognised when sent again
     */
    Delivery send(SagaCausation causation, String causationId, Object command) {
        Delivery delivery;
        try {
            delivery = senders.submit(() -> sender.send(command, causation.metaData(causationId))).get();
        } catch (ExecutionException e) {
            throw new CommandUndelivered(command, e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandUndelivered(command, "interrupted");
        }
        if (delivery instanceof Undelivered undelivered) {
            throw new CommandUndelivered(command, undelivered.failure());
        }
        return delivery;
    }

    /** Lets a command under way be handled: its saga waits for the answer. */
    @Override
    public void destroy() {
        senders.shutdown();
    }

    static final class CommandUndelivered extends RuntimeException {
        CommandUndelivered(Object command, String failure) {
            super(command.getClass().getSimpleName() + " was not handled (" + failure + ")");
        }
    }

    /** Named for thread dumps; daemons, so a missed shutdown never keeps the JVM up. */
    private static final class SenderThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "saga-command-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
