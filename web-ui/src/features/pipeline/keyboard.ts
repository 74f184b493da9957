import { KeyboardCode, type KeyboardCoordinateGetter } from '@dnd-kit/core';

const HORIZONTAL: readonly string[] = [KeyboardCode.Left, KeyboardCode.Right];

/**
 * Keyboard dragging on the board: left and right arrows jump from column to column (instead of
 * dnd-kit's default 25 px steps); up and down are ignored, since order inside a column is the
 * server's (newest first).
 */
export const columnCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  if (!HORIZONTAL.includes(event.code)) {
    if (event.code === KeyboardCode.Up || event.code === KeyboardCode.Down) event.preventDefault();
    return undefined;
  }
  event.preventDefault();
  const { droppableContainers, droppableRects, over, collisionRect, active } = context;
  const columns = droppableContainers
    .getEnabled()
    .map((container) => ({ id: container.id, rect: droppableRects.get(container.id) }))
    .filter((column): column is { id: typeof column.id; rect: NonNullable<typeof column.rect> } => column.rect !== undefined)
    .sort((a, b) => a.rect.left - b.rect.left);
  if (columns.length === 0) return undefined;

  const startId = over?.id ?? (active ? context.active?.data.current?.stage : undefined);
  let index = columns.findIndex((column) => column.id === startId);
  if (index < 0) {
    // where the dragged card is now: the column under its centre
    const centre = collisionRect ? collisionRect.left + collisionRect.width / 2 : currentCoordinates.x;
    index = Math.max(0, columns.findIndex((column) => centre >= column.rect.left && centre <= column.rect.left + column.rect.width));
  }
  const nextIndex = event.code === KeyboardCode.Right ? index + 1 : index - 1;
  const target = columns[nextIndex];
  if (!target) return undefined;
  const width = collisionRect?.width ?? 0;
  return {
    x: target.rect.left + Math.max(0, (target.rect.width - width) / 2),
    y: Math.max(currentCoordinates.y, target.rect.top),
  };
};
