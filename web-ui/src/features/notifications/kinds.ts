import { Bell, Clock, Flame, MessageSquareWarning, TrendingUp, Wallet, type LucideIcon } from 'lucide-react';
import type { AppNotification, NotificationKind } from './api';

export const KIND_ICONS: Record<NotificationKind, LucideIcon> = {
  lead_hot: Flame,
  lead_score_alert: TrendingUp,
  leads_stale: Clock,
  conversation_escalated: MessageSquareWarning,
  llm_budget_reached: Wallet,
};

export const isKnownKind = (kind: string): kind is NotificationKind => kind in KIND_ICONS;

export const kindIcon = (kind: string): LucideIcon => (isKnownKind(kind) ? KIND_ICONS[kind] : Bell);

/** Where the notification takes you: its lead, the stale leads, or the AI budget. */
export function notificationTarget(notification: AppNotification): string | undefined {
  if (notification.leadId) return `/leads/${encodeURIComponent(notification.leadId)}`;
  if (notification.kind === 'leads_stale') return '/leads';
  if (notification.kind === 'llm_budget_reached') return '/settings/ai';
  return undefined;
}
