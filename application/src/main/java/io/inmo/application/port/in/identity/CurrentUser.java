package io.inmo.application.port.in.identity;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.Slug;
import io.inmo.domain.shared.Email;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.UserId;

/** The signed-in staff member as the dashboard shows them; broker fields null for SUPERADMIN. */
public record CurrentUser(
    UserId id, Email email, String name, Role role, BrokerId brokerId, Slug brokerSlug) {}
