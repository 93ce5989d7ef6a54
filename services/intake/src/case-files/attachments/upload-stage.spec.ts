import { uploadStage } from './upload-stage';

const standing = (stage: string, mayTakePaper = true) => ({ stage, 'supply-correction': mayTakePaper });

describe('uploadStage: when a page came, decided from where the case stands', () => {
  it('marks the filer’s pages before acceptance as filed with the application, routed or not yet', () => {
    expect(uploadStage(true, null)).toBe('filing');
    expect(uploadStage(true, standing('pre-acceptance'))).toBe('filing');
  });

  it('marks pages taken in while a 补正 is awaited as 补正, and any other later page as scanned at the window', () => {
    expect(uploadStage(false, standing('awaiting-correction'))).toBe('correction');
    expect(uploadStage(true, standing('awaiting-correction'))).toBe('correction');
    expect(uploadStage(false, standing('in-progress'))).toBe('scan');
    expect(uploadStage(false, standing('pre-acceptance'))).toBe('scan');
  });

  it('refuses an ended case, and anyone who does not take in the case’s paper', () => {
    expect(() => uploadStage(false, standing('concluded'))).toThrow(
      expect.objectContaining({ code: 'CASE_FILE.CASE_ENDED' }),
    );
    expect(() => uploadStage(true, standing('concluded'))).toThrow(
      expect.objectContaining({ code: 'CASE_FILE.CASE_ENDED' }),
    );
    expect(() => uploadStage(false, standing('in-progress', false))).toThrow(
      expect.objectContaining({ code: 'AUTH.OUT_OF_SCOPE' }),
    );
    // Filing it once is no lasting right: after acceptance only those who take in its paper add pages.
    expect(() => uploadStage(true, standing('in-progress', false))).toThrow(
      expect.objectContaining({ code: 'AUTH.OUT_OF_SCOPE' }),
    );
    expect(() => uploadStage(false, null)).toThrow(
      expect.objectContaining({ code: 'CASE_FILE.CASE_NOT_FOUND' }),
    );
  });
});
