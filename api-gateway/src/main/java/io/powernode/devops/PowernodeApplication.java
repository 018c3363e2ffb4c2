package io.powernode.devops;

import io.powernode.devops.app.security.TokenMinter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Arrays;

/**
 * The Powernode DevOps platform. Lives in the root package so that component scanning finds the
 * aggregates, sagas and projections of every module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PowernodeApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(TokenMinter.COMMAND)) {
            System.exit(TokenMinter.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(PowernodeApplication.class, args);
    }
}
