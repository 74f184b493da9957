import { useTranslation } from 'react-i18next';
import { useStaffDirectory } from '../../api/staffDirectory';
import type { Lead } from '../../api/types';
import { useAuthStore } from '../../stores/auth';
import type { ChatMessage, Conversation } from './api';

export const leadLabel = (lead: Lead, unnamed: string) => lead.name || lead.phone || lead.email || unnamed;

/** Words for who wrote a message and who holds a conversation, with staff names where known. */
export function usePeople() {
  const { t } = useTranslation('conversations');
  const me = useAuthStore((state) => state.user);
  const staff = useStaffDirectory();
  const staffName = (id: string | undefined) => (id && id === me?.id ? t('sender.you') : staff.nameOf(id));
  return {
    me,
    sender: (message: ChatMessage, lead: Lead) => {
      switch (message.senderType) {
        case 'lead':
          return leadLabel(lead, t('list.unnamed'));
        case 'ai':
          return t('sender.ai');
        case 'staff':
          return staffName(message.sentBy) ?? t('sender.staffUnknown');
        default:
          return t('sender.system');
      }
    },
    /** Short prefix of the list preview: "Tú:", "IA:"… (none for the lead's own words). */
    previewPrefix: (message: ChatMessage) => {
      if (message.direction === 'inbound') return '';
      if (message.senderType === 'ai') return t('list.ai');
      if (message.senderType === 'staff') return message.sentBy === me?.id ? t('list.you') : (staff.nameOf(message.sentBy) ?? t('list.staff'));
      return '';
    },
    /** Who answers: the AI, "Atiendes tú", "Atiende Valentina", or "Escalada". */
    holder: (conversation: Conversation | undefined): { kind: 'ai' | 'human' | 'escalated'; text: string } => {
      if (!conversation || conversation.aiActive) return { kind: 'ai', text: t('state.ai') };
      if (conversation.takenOverBy) {
        if (conversation.takenOverBy === me?.id) return { kind: 'human', text: t('state.you') };
        const name = staff.nameOf(conversation.takenOverBy);
        return { kind: 'human', text: name ? t('state.human', { name }) : t('state.humanOther') };
      }
      return { kind: 'escalated', text: t('state.escalated') };
    },
    holderName: (conversation: Conversation | undefined) => staffName(conversation?.takenOverBy) ?? t('list.staff'),
  };
}
