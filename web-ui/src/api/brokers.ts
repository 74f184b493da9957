import { api } from './client';

/** `BrokerResponse` (adapters-rest BrokerViews), the fields the dashboard uses. */
export interface Broker {
  id: string;
  slug: string;
  name: string;
  phone?: string;
  email?: string;
  timezone: string;
  active: boolean;
}

export interface BrokerPage {
  items: Broker[];
  total: number;
  offset: number;
  limit: number;
}

/** All brokerages (SUPERADMIN only), by name. */
export const listBrokers = (signal?: AbortSignal) =>
  api.get<BrokerPage>('/api/v1/admin/brokers', { query: { limit: 200 }, brokerScoped: false, signal });

/** The signed-in staff member's own brokerage. */
export const getOwnBroker = (signal?: AbortSignal) => api.get<Broker>('/api/v1/broker', { brokerScoped: false, signal });
