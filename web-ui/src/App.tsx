import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { queryClient } from './app/queryClient';
import { createAppRouter } from './app/router';
import { clearOnSignOut } from './app/session';

/** The dashboard: server-state cache around the router. */
export function App() {
  const [router] = useState(createAppRouter);
  useEffect(() => clearOnSignOut(queryClient), []);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
