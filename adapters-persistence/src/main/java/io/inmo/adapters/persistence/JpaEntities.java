package io.inmo.adapters.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * Every JPA entity class of the persistence adapter, handed to {@link JpaPersistence#start}. Entity
 * classes are package-private; each area package lists its own in a public {@code
 * <Area>JpaEntities.CLASSES}.
 */
public final class JpaEntities {
  private JpaEntities() {}

  public static List<Class<?>> all() {
    List<Class<?>> classes = new ArrayList<>();
    // --- tenancy: brokers, configs, users, leads ---
    classes.addAll(io.inmo.adapters.persistence.broker.BrokerJpaEntities.CLASSES);
    classes.addAll(io.inmo.adapters.persistence.user.UserJpaEntities.CLASSES);
    classes.addAll(io.inmo.adapters.persistence.lead.LeadJpaEntities.CLASSES);
    // --- end tenancy ---
    classes.addAll(io.inmo.adapters.persistence.session.SessionJpaEntities.CLASSES);
    // --- activity: appointments, campaigns, templates, conversations, calls, activity log, audit
    // ---
    classes.addAll(io.inmo.adapters.persistence.appointment.AppointmentJpaEntities.CLASSES);
    classes.addAll(io.inmo.adapters.persistence.campaign.CampaignJpaEntities.CLASSES);
    classes.addAll(io.inmo.adapters.persistence.conversation.ConversationJpaEntities.CLASSES);
    classes.addAll(io.inmo.adapters.persistence.call.CallJpaEntities.CLASSES);
    classes.addAll(io.inmo.adapters.persistence.activity.ActivityJpaEntities.CLASSES);
    classes.addAll(io.inmo.adapters.persistence.audit.AuditJpaEntities.CLASSES);
    classes.addAll(io.inmo.adapters.persistence.notification.NotificationJpaEntities.CLASSES);
    classes.addAll(io.inmo.adapters.persistence.rescoring.RescoringJpaEntities.CLASSES);
    // --- end activity ---
    return List.copyOf(classes);
  }
}
