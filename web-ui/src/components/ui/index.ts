/** Shared UI pieces; every page builds on these (see styles.css for their look). */
export { ChannelBadge, StageBadge, StatusBadge } from './Badges';
export { ConfirmDialog } from './ConfirmDialog';
export { EmptyState } from './EmptyState';
export { ErrorState } from './ErrorState';
export { Skeleton, Spinner } from './Loading';
export { PageHeader } from './PageHeader';
export { PlaceholderPage } from './PlaceholderPage';
export { notify, ToastRegion, useToasts, type ToastKind } from './Toasts';
