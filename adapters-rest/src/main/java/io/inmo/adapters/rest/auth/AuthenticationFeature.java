package io.inmo.adapters.rest.auth;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Secure by default: every resource method needs a valid access token unless it or its class is
 * annotated {@code @PermitAll} (health, OpenAPI, sign-in, webhooks, public web chat).
 */
public final class AuthenticationFeature implements DynamicFeature {
  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    boolean open =
        resource.getResourceMethod().isAnnotationPresent(PermitAll.class)
            || resource.getResourceClass().isAnnotationPresent(PermitAll.class);
    if (!open) {
      context.register(BearerAuthenticationFilter.class);
    }
  }
}
