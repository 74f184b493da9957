package io.inmo.application.port.in.identity;

import io.inmo.application.security.Actor;

/** Inbound port: who am I (the dashboard's header, the role it shows menus for). */
public interface GetCurrentUserUseCase {

  CurrentUser me(Actor actor);
}
