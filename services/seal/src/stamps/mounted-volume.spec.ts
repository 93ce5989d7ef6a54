import { mountOf } from './mounted-volume';

describe('the mount a folder lies on, from the kernel’s list', () => {
  const mountinfo = [
    '22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw',
    '30 22 0:5 / /dev rw,nosuid - devtmpfs udev rw',
    '41 22 8:17 / /var/lib/oneseal rw - xfs /dev/sdb1 rw',
    // A space in a mount point is written as \040.
    '42 22 0:52 / /srv/县级\\040文书 rw - nfs4 files:/docs rw',
    'not a line of mountinfo',
    // Mounted again over the same point: the later one is what the path reaches.
    '43 41 0:53 / /var/lib/oneseal rw - tmpfs tmpfs rw',
  ].join('\n');

  it('is the deepest mount point holding it, the last listed over the same point', () => {
    expect(mountOf('/var/lib/oneseal/documents', mountinfo)).toEqual({
      mountPoint: '/var/lib/oneseal',
      fsType: 'tmpfs',
    });
    expect(mountOf('/srv/县级 文书/ab', mountinfo)).toEqual({ mountPoint: '/srv/县级 文书', fsType: 'nfs4' });
    // A folder whose name only begins like a mount point is not on it.
    expect(mountOf('/var/lib/oneseal-old', mountinfo)).toEqual({ mountPoint: '/', fsType: 'ext4' });
    expect(mountOf('/tmp/x', mountinfo)).toEqual({ mountPoint: '/', fsType: 'ext4' });
  });
});
