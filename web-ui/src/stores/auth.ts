import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { login, logout, type AuthUser, type Credentials, type Session } from '../api/auth';
import { ApiError } from '../api/problem';
import { i18n } from '../i18n';

/** Key under which the session lives in sessionStorage (cleared when the tab closes). */
export const AUTH_STORAGE_KEY = 'inmo.auth';

export interface AuthState {
  accessToken: string | null;
  refreshToken: string | null;
  user: AuthUser | null;
  /** 'submitting' while a sign-in request is in flight. */
  status: 'idle' | 'submitting';
  /** The last sign-in error, fit for the user, or null. */
  error: string | null;
  /** Why the user was signed out without asking (e.g. the session expired), shown on the login page. */
  notice: string | null;

  setSession: (session: Session) => void;
  signIn: (credentials: Credentials) => Promise<boolean>;
  /** Signs out on request: revokes the session on the server and forgets it here. */
  signOut: () => void;
  /** Forgets a session the server no longer accepts; `notice` tells the user why. */
  expire: (notice: string) => void;
  clearError: () => void;
}

const signedOut = { accessToken: null, refreshToken: null, user: null } as const;

/**
 * The signed-in user's tokens: held in memory and mirrored to sessionStorage, so that a reload keeps
 * the session but closing the tab ends it. Only the tokens and the user are persisted.
 */
export const useAuthStore = create<AuthState>()(
  persist(
    (set, get) => ({
      ...signedOut,
      status: 'idle',
      error: null,
      notice: null,

      setSession: ({ accessToken, refreshToken, user }) =>
        set({ accessToken, refreshToken, user: user ?? get().user, error: null, notice: null }),

      signIn: async (credentials) => {
        if (get().status === 'submitting') return false;
        set({ status: 'submitting', error: null, notice: null });
        try {
          const session = await login(credentials);
          set({ ...session, status: 'idle', error: null });
          return true;
        } catch (error) {
          const message = error instanceof ApiError ? error.message : String(i18n.t('auth:errors.generic'));
          set({ status: 'idle', error: message });
          return false;
        }
      },

      signOut: () => {
        const { refreshToken } = get();
        if (refreshToken) logout(refreshToken);
        set({ ...signedOut, status: 'idle', error: null, notice: null });
      },

      expire: (notice) => set({ ...signedOut, status: 'idle', error: null, notice }),

      clearError: () => set({ error: null }),
    }),
    {
      name: AUTH_STORAGE_KEY,
      storage: createJSONStorage(() => sessionStorage),
      partialize: ({ accessToken, refreshToken, user }) => ({ accessToken, refreshToken, user }),
    },
  ),
);

/** Whether someone is signed in. */
export const selectIsAuthenticated = (state: AuthState): boolean => state.accessToken !== null;

/** The signed-in user's role, or null. */
export const selectRole = (state: AuthState) => state.user?.role ?? null;

/** The Authorization header for authenticated API calls, or an empty object. */
export function authHeader(): Record<string, string> {
  const token = useAuthStore.getState().accessToken;
  return token ? { Authorization: `Bearer ${token}` } : {};
}
