import { SquareKanban } from 'lucide-react';
import { lazy } from 'react';
import { defineFeature } from '../../app/feature';
import { pipelineMessages } from './messages';

const PipelinePage = lazy(() => import('./PipelinePage'));

export const pipelineFeature = defineFeature({
  id: 'pipeline',
  messages: pipelineMessages,
  nav: { to: '/pipeline', icon: SquareKanban },
  routes: [
    { path: 'pipeline', element: <PipelinePage /> },
  ],
});
