package io.powernode.devops.kernel.host;

/** What a host is used for; names are the API's values. */
public enum HostEnvironment { staging, production, development, custom }
