/** What a long check is told by whoever runs it: where to report how far it is, and whether it is still wanted. */
export interface ProgressWatch<TProgress> {
  onProgress?: (progress: TProgress) => void;
  stillWanted?: () => boolean;
}
