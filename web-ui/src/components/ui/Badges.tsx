import { Flame, Globe, Mail, MessageCircle, Phone, Send, Snowflake, Sun, Trophy, CircleX, type LucideIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Channel, LeadStatus, PipelineStage } from '../../api/types';

const STATUS_ICONS: Record<LeadStatus, LucideIcon> = {
  hot: Flame,
  warm: Sun,
  cold: Snowflake,
  converted: Trophy,
  lost: CircleX,
};

/** A lead's temperature (hot/warm/cold) or outcome, with an icon and a word — never colour alone. */
export function StatusBadge({ status }: { status: LeadStatus }) {
  const { t } = useTranslation();
  const Icon = STATUS_ICONS[status] ?? Snowflake;
  return (
    <span className={`badge badge--${status}`}>
      <Icon className="badge__icon" aria-hidden="true" />
      {t(`status.${status}`)}
    </span>
  );
}

const CHANNEL_ICONS: Record<Channel, LucideIcon> = {
  telegram: Send,
  whatsapp: MessageCircle,
  webchat: Globe,
  phone: Phone,
  email: Mail,
};

/** The channel a lead or conversation came through. */
export function ChannelBadge({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const Icon = CHANNEL_ICONS[channel] ?? Globe;
  return (
    <span className={`badge badge--channel badge--${channel}`}>
      <Icon className="badge__icon" aria-hidden="true" />
      {t(`channel.${channel}`)}
    </span>
  );
}

/** A pipeline stage's name. */
export function StageBadge({ stage }: { stage: PipelineStage }) {
  const { t } = useTranslation();
  return <span className={`badge badge--stage badge--stage-${stage}`}>{t(`stage.${stage}`)}</span>;
}
