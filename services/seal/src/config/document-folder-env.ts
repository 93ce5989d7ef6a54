import { IsIn, IsOptional, Matches } from 'class-validator';

/**
 * The document folder's settings, checked alike by the service and by the command-line tools that work on its
 * folder: one rule each, so a value the service refuses is refused by the tools too.
 */
export function IsDocumentFolder(): PropertyDecorator {
  return Matches(/^\/./, { message: 'SEAL_DOCUMENT_FOLDER must be an absolute path' });
}

/**
 * `yes` where the service runs in a container (compose, Kubernetes): the document folder must then be a volume
 * mounted there, not the container's own file system, which goes with the container. `no` (the default) on a machine
 * whose disk lasts, as `npm start` runs it.
 */
export function IsDocumentFolderMounted(): PropertyDecorator {
  return (target, property) => {
    IsOptional()(target, property);
    IsIn(['yes', 'no'], { message: 'SEAL_DOCUMENT_FOLDER_MOUNTED must be yes or no' })(target, property);
  };
}

/** Whether the folder has to be a mounted volume, as SEAL_DOCUMENT_FOLDER_MOUNTED says. */
export const folderMustBeMounted = (env: { SEAL_DOCUMENT_FOLDER_MOUNTED?: 'yes' | 'no' }): boolean =>
  env.SEAL_DOCUMENT_FOLDER_MOUNTED === 'yes';
