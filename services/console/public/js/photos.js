/** Pages an applicant sends from a phone: what the services take, and photos made small enough to send. */
export const PAGE_TYPES = '.pdf,.jpg,.jpeg,.png,.ofd,application/pdf,image/jpeg,image/png';

/** A phone's photo is several MB; a page read by a clerk needs far less (longest side, JPEG quality). */
const PHOTO_LONGEST_SIDE = 2000;
const SHRINK_ABOVE_BYTES = 1.5 * 1024 * 1024;

/** A large photo redrawn smaller as JPEG before it is sent over a village's mobile network; anything else as it is. */
export async function shrunk(file) {
  if (file.size <= SHRINK_ABOVE_BYTES || !/^image\/(jpeg|png)$/.test(file.type)) return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, PHOTO_LONGEST_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    return blob ? new File([blob], file.name.replace(/\.\w+$/, '.jpg'), { type: 'image/jpeg' }) : file;
  } catch {
    return file;
  }
}
