package io.powernode.devops.app.axon;

import io.powernode.devops.kernel.common.DomainError;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * A refused command travels back as a {@link CommandExecutionException} whose details are the serializable
 * {@link DomainError.ErrorDetails}: exception classes do not cross Axon Server, the details do. Axon's own
 * refusals that a caller must be able to tell apart (no such aggregate, stale version) become domain
 * errors too, so the API answers 404 and 409 whichever bus carried the command.
 */
class DomainErrorDetailsInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (DomainError refused) {
            throw detailed(refused);
        } catch (AggregateNotFoundException missing) {
            throw detailed(DomainError.notFound("not_found", "no such resource in this account"));
        } catch (ConflictingAggregateVersionException stale) {
            throw detailed(DomainError.conflict("stale_version", "If-Match",
                    "the resource changed since the version given in If-Match; read it again"));
        }
    }

    private static CommandExecutionException detailed(DomainError error) {
        return new CommandExecutionException(error.getMessage(), null, error.details());
    }
}
