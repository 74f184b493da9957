import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Lead } from '../../../api/types';
import { useActiveBrokerId } from '../../../stores/broker';
import { assignLead, leadKeys, updateLead, type LeadPatch } from '../api';

/** PATCHes the lead; the answer replaces the cached lead and the timeline is read again. */
export function useLeadUpdate(id: string) {
  const brokerId = useActiveBrokerId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: LeadPatch) => updateLead(id, patch),
    onSuccess: (lead: Lead) => {
      queryClient.setQueryData(leadKeys.lead(brokerId, id), lead);
      void queryClient.invalidateQueries({ queryKey: leadKeys.activity(brokerId, id) });
      void queryClient.invalidateQueries({ queryKey: leadKeys.lists(brokerId) });
    },
  });
}

/** Assigns the lead (or unassigns it with null). */
export function useLeadAssign(id: string) {
  const brokerId = useActiveBrokerId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assignee: string | null) => assignLead(id, assignee),
    onSuccess: (lead: Lead) => {
      queryClient.setQueryData(leadKeys.lead(brokerId, id), lead);
      void queryClient.invalidateQueries({ queryKey: leadKeys.activity(brokerId, id) });
      void queryClient.invalidateQueries({ queryKey: leadKeys.lists(brokerId) });
    },
  });
}
