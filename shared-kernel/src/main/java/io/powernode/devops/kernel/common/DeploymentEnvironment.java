package io.powernode.devops.kernel.common;

/** What a host or cluster is used for; names are the API's values. */
public enum DeploymentEnvironment { staging, production, development, custom }
