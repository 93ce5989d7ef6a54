export interface TemporalConfig {
  /** host:port of the Temporal frontend */
  address: string;
  namespace: string;
}
