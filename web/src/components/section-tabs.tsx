import { useEffect, useRef } from 'react';
import { Button, Group } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { Link } from 'react-router';

export interface SectionTab {
  key: string;
  path: string;
  icon: Icon;
  label: string;
}

/**
 * The way between the pages of one section (the grid, the standards): a row of links, the current
 * one marked `aria-current="page"`. On a phone the row scrolls sideways and keeps the current link
 * in sight.
 */
export function SectionTabs({
  tabs,
  current,
  label,
  testId,
}: {
  tabs: readonly SectionTab[];
  /** The current tab's key. */
  current: string;
  /** The navigation's accessible name. */
  label: string;
  testId?: string;
}) {
  const nav = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const link = nav.current?.querySelector<HTMLElement>('[aria-current="page"]');
    if (link && nav.current) nav.current.scrollLeft = link.offsetLeft - nav.current.offsetLeft - 8;
  }, [current]);
  return (
    <Group
      ref={nav}
      component="nav"
      aria-label={label}
      gap={4}
      wrap="nowrap"
      mb="md"
      style={{ overflowX: 'auto', scrollbarWidth: 'thin' }}
      data-testid={testId}
    >
      {tabs.map((tab) => {
        const active = tab.key === current;
        return (
          <Button
            key={tab.key}
            component={Link}
            to={tab.path}
            variant={active ? 'light' : 'subtle'}
            color={active ? undefined : 'gray'}
            size="sm"
            leftSection={<tab.icon size={16} aria-hidden />}
            aria-current={active ? 'page' : undefined}
            miw="max-content"
          >
            {tab.label}
          </Button>
        );
      })}
    </Group>
  );
}
