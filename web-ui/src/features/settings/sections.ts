import { Bot, Building2, Gauge, MessagesSquare, Phone, Receipt, Sparkles, Users, type LucideIcon } from 'lucide-react';
import type { Role } from '../../api/types';

export type SectionId = 'agent' | 'scoring' | 'channels' | 'ai' | 'voice' | 'brokerage' | 'users' | 'platformCosts';

export interface SettingsSection {
  id: SectionId;
  /** Relative to `/settings`. */
  path: string;
  icon: LucideIcon;
  /** Who may open it (see docs/permissions.md). */
  roles: readonly Role[];
  /** Who may change it; others read it. */
  editors: readonly Role[];
  /** Needs a brokerage (a SUPERADMIN picks one first). */
  brokerScoped: boolean;
}

const MANAGERS: readonly Role[] = ['SUPERADMIN', 'ADMIN'];
const EVERYONE: readonly Role[] = ['SUPERADMIN', 'ADMIN', 'AGENT'];

/** The settings sub-pages, in menu order. An AGENT reads the agent persona, scoring and brokerage. */
export const SECTIONS: readonly SettingsSection[] = [
  { id: 'agent', path: 'agent', icon: Bot, roles: EVERYONE, editors: MANAGERS, brokerScoped: true },
  { id: 'scoring', path: 'scoring', icon: Gauge, roles: EVERYONE, editors: MANAGERS, brokerScoped: true },
  { id: 'channels', path: 'channels', icon: MessagesSquare, roles: MANAGERS, editors: MANAGERS, brokerScoped: true },
  { id: 'ai', path: 'ai', icon: Sparkles, roles: MANAGERS, editors: MANAGERS, brokerScoped: true },
  { id: 'voice', path: 'voice', icon: Phone, roles: MANAGERS, editors: MANAGERS, brokerScoped: true },
  { id: 'brokerage', path: 'brokerage', icon: Building2, roles: EVERYONE, editors: MANAGERS, brokerScoped: true },
  { id: 'users', path: 'users', icon: Users, roles: MANAGERS, editors: MANAGERS, brokerScoped: true },
  { id: 'platformCosts', path: 'platform-costs', icon: Receipt, roles: ['SUPERADMIN'], editors: [], brokerScoped: false },
];

export const sectionsFor = (role: Role) => SECTIONS.filter((section) => section.roles.includes(role));

export const sectionById = (id: SectionId): SettingsSection => SECTIONS.find((section) => section.id === id)!;
