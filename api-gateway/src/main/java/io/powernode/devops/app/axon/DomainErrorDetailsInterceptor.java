package io.powernode.devops.app.axon;

import io.powernode.devops.kernel.common.DomainError;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A command refused by a domain rule travels back as a {@link CommandExecutionException} whose details
 * are the serializable {@link DomainError.ErrorDetails}: exception classes do not cross Axon Server, the
 * details do. The API turns them back into the same problem response either way.
 */
class DomainErrorDetailsInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (DomainError refused) {
            throw new CommandExecutionException(refused.getMessage(), null, refused.details());
        }
    }
}
