import { Box, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadError } from './query-states';

/** While the app finds out whether anyone is signed in. */
export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center mih="100dvh">
      <Loader aria-label={t('common.loading')} data-testid="page-loader" />
    </Center>
  );
}

/** The server could not tell us even that (down, unreachable): say so and offer to retry. */
export function FullPageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Center mih="100dvh" p="md">
      <Box maw={480} w="100%">
        <LoadError error={error} onRetry={onRetry} />
      </Box>
    </Center>
  );
}
