import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch } from '../../test/http';
import { useAuthStore } from '../../stores/auth';
import { LoginForm } from './LoginForm';

const fill = (email: string, password: string) => {
  fireEvent.change(screen.getByLabelText('Correo electrónico'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Contraseña'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Ingresar' }));
};

describe('LoginForm', () => {
  beforeEach(() => useAuthStore.getState().signOut());
  afterEach(() => vi.unstubAllGlobals());

  it('shows the friendly message when the server has no login endpoint yet', async () => {
    mockFetch(new Response(null, { status: 404 }));
    render(<LoginForm />);

    fill('ana@corredora.cl', 'secreta123');

    expect((await screen.findByRole('alert')).textContent).toBe(
      'El inicio de sesión aún no está disponible en este servidor.',
    );
    expect(screen.getByLabelText('Contraseña').getAttribute('aria-invalid')).toBe('true');
  });

  it('stores the session after a successful sign-in', async () => {
    mockFetch(jsonResponse(200, { accessToken: 'a', refreshToken: 'r', user: null }));
    render(<LoginForm />);

    fill(' ana@corredora.cl ', 'secreta123');

    await vi.waitFor(() => expect(useAuthStore.getState().accessToken).toBe('a'));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
