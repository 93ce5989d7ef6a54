import { validateEnv } from '@oneseal/service-kit';
import { DocumentFolderToolEnv } from '../document-folder-tool';
import { loadSealEnv } from './seal.env';

const problemsOf = (check: () => unknown): string => {
  try {
    check();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return '';
};

describe('the document folder settings', () => {
  it('are refused alike by the service and by its folder tools', () => {
    const bad = { SEAL_DOCUMENT_FOLDER: 'documents', SEAL_DOCUMENT_FOLDER_MOUNTED: 'maybe' };
    const service = problemsOf(() => loadSealEnv(bad));
    const tool = problemsOf(() => validateEnv('seal tool', DocumentFolderToolEnv, bad));
    for (const problems of [service, tool])
      expect(problems).toContain('SEAL_DOCUMENT_FOLDER must be an absolute path');
    expect(service).toContain('SEAL_DOCUMENT_FOLDER_MOUNTED must be yes or no');
  });

  it('leave SEAL_DOCUMENT_FOLDER_MOUNTED optional and take an absolute folder', () => {
    const service = problemsOf(() => loadSealEnv({ SEAL_DOCUMENT_FOLDER: '/var/lib/oneseal/documents' }));
    expect(service).not.toContain('SEAL_DOCUMENT_FOLDER');
    expect(service).toContain('SEAL_KEY_ENCRYPTION_KEY');
  });
});
