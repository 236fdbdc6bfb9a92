"""Publishing (``dienhinh publish``): to a folder, an SSH server or GitHub Pages."""

from __future__ import annotations

from .common import quote


def size(count: int) -> str:
    """A byte count as a person reads it (Vietnamese decimal comma)."""
    if count < 1024:
        return f"{count} B"
    value = count / 1024
    for unit in ("KB", "MB"):
        if value < 1024:
            return f"{value:.1f} {unit}".replace(".", ",")
        value /= 1024
    return f"{value:.1f} GB".replace(".", ",")


PUBLISH_NO_TARGET = (
    "Chưa khai báo nơi đưa trang lên. Thêm mục “publish” vào tùy chọn của dienhinh trong {config}"
    " (thư mục “folder”, máy chủ “ssh” hoặc “github_pages”); xem trang “Đưa trang lên mạng”"
    " trong hướng dẫn cho cán bộ."
)
PUBLISH_TARGET_NOT_SET = "Nơi đưa lên “{target}” chưa được khai báo trong mục “publish” của {config}."
PUBLISH_SEVERAL_TARGETS = (
    "Có nhiều nơi đưa lên ({targets}): chọn một bằng --to, ví dụ: dienhinh publish --to ssh"
)
PUBLISH_NO_SITE_URL = (
    "mkdocs.yml chưa có site_url (địa chỉ của trang trên mạng): mã QR trong sổ tay, ảnh chia sẻ"
    " và sơ đồ trang cần địa chỉ này. Ghi site_url: https://<địa chỉ của trang>/ rồi chạy lại."
)


def publish_example_url(url: str) -> str:
    return (
        f"site_url trong mkdocs.yml vẫn là {quote(url)}, không phải địa chỉ thật của trang: mã QR"
        " trong sổ tay, ảnh chia sẻ lên Zalo/Facebook và sơ đồ trang sẽ trỏ sai chỗ. Sửa site_url"
        " thành địa chỉ trang sẽ chạy (ví dụ https://dienhinh.<tên xã>.gov.vn/) rồi chạy lại."
    )


PUBLISH_SAMPLE_DATA = (
    "Dữ liệu minh họa vẫn đang bật (sample_data: true trong {registry}): trang nào cũng hiện"
    " dòng “Dữ liệu minh họa”. Khi đã thay hồ sơ mẫu bằng hồ sơ thật, đổi thành sample_data: false."
)
PUBLISH_REFUSED = "Chưa đưa trang lên mạng. Nếu chỉ muốn thử (trang minh họa), chạy lại với --allow-sample."
PUBLISH_ALLOWED_ANYWAY = "Vẫn đưa lên vì có --allow-sample: {reason}"
PUBLISH_NOT_BUILT = "Chưa có trang đã dựng trong {site}: chạy dienhinh publish (không kèm --no-build)."
PUBLISH_SENDING = (
    "Đang gửi {files} tệp ({size}) lên máy chủ; {kept} tệp không đổi được giữ lại; bản mới: {release}."
)
FOLDER_SENDING = "Đang chép {files} tệp ({size}) vào thư mục."
GHP_SENDING = "Đang tạo bản mới trên nhánh {branch} và đẩy lên {remote}."
PUBLISH_DONE = (
    "Đã đưa trang lên {target}: gửi {sent} tệp ({size}, {share} trang web), giữ nguyên {kept} tệp,"
    " bỏ {removed} tệp."
)
PUBLISH_RELEASE = "Bản đang chạy: {release}; máy chủ giữ {kept} bản gần nhất để quay lại (--rollback)."
PUBLISH_COMMIT = "Bản mới: {commit}."
PUBLISH_FAILED = "Chưa đưa trang lên được; trang đang chạy trên mạng vẫn giữ nguyên."
PUBLISH_INTERRUPTED = "Đã dừng giữa chừng; trang đang chạy trên mạng vẫn giữ nguyên."
PUBLISH_CURRENT_NOT_A_LINK = (
    "{path} trên máy chủ là một thư mục thường, không phải liên kết do dienhinh tạo. Đổi tên nó"
    " (ví dụ thành {path}.cu) rồi chạy lại; lần đưa lên này sẽ tạo lại {path}."
)
ROLLBACK_NOTHING_LIVE = "Chưa có bản nào đang chạy để quay lại."
ROLLBACK_NO_EARLIER = "Không còn bản nào cũ hơn bản đang chạy ({release}) để quay lại."
ROLLBACK_FOLDER_NOTHING = (
    "Không còn bản trước để quay lại: thư mục chỉ giữ được một bản trước lần đưa lên gần nhất (và"
    " đã quay lại rồi, hoặc chưa đưa lên lần nào trước đó). Hãy dựng và đưa lại bản cần dùng."
)
FOLDER_LATEST = "bản vừa đưa lên"
FOLDER_PREVIOUS = "bản trước đó"
ROLLBACK_DONE = "Đã quay lại bản trước: {now} đang chạy (thay cho {was})."
FOLDER_INSIDE_SITE = "Thư mục đưa lên {folder} nằm trong thư mục trang đã dựng; chọn thư mục khác."
SITE_LINK_LEADS_OUT = (
    "Trang đã dựng có liên kết (symlink) {path} trỏ ra ngoài thư mục trang ({target}): không đưa"
    " lên, vì như vậy sẽ đăng tệp nằm ngoài trang. Xóa liên kết rồi dựng lại trang."
)
FOLDER_MANIFEST_IGNORED = (
    "Bỏ qua {count} tên lạ trong danh sách tệp {manifest} của thư mục đích (tên tuyệt đối, có “..”"
    " hoặc dẫn ra ngoài thư mục), ví dụ {example}: các tệp đó không bị xóa hay chép. Nếu không ai"
    " sửa danh sách này, hãy kiểm tra thư mục đích."
)
FOLDER_UNSAFE_PLACE = (
    "Không chép được {name}: trong thư mục đích {folder}, chỗ của tệp này là một liên kết (symlink)"
    " dẫn ra ngoài. Xóa liên kết đó trong thư mục đích rồi đưa lên lại."
)
FOLDER_FAILED = "Không chép được vào {folder}: {reason}."
SSH_CONNECT_FAILED = (
    "Không kết nối được tới máy chủ {host}, cổng {port}: {reason}. Kiểm tra mạng, tên máy chủ"
    " (“host”) và cổng SSH (“port”) trong mục publish của mkdocs.yml."
)
SSH_UNKNOWN_HOST = (
    "Chưa xác nhận được máy chủ {host} (cổng {port}): máy này chưa biết khóa nhận dạng của máy chủ,"
    " hoặc khóa đó đã đổi. Lần đầu, người phụ trách kỹ thuật chạy “ssh -p {port} {user}@{host}” trong"
    " cửa sổ lệnh, so dấu vân tay với người quản trị máy chủ rồi trả lời yes (hoặc ghi tệp known_hosts"
    " ở “known_hosts”). Nếu máy chủ vừa được cài lại, hỏi người quản trị trước khi sửa known_hosts."
)
SSH_DENIED = (
    "Máy chủ {host} (cổng {port}) không cho tài khoản “{user}” đăng nhập bằng khóa SSH. Kiểm tra"
    " “user”, tệp khóa ở “key” (hoặc ssh-agent), và nhờ người quản trị thêm khóa công khai (.pub)"
    " vào authorized_keys của tài khoản “{user}”."
)
SSH_BAD_KEY = (
    "Không đọc được khóa SSH {key}: {reason}. Khóa có mật khẩu thì nạp vào ssh-agent trước"
    " (ssh-add {key}); không ghi mật khẩu vào mkdocs.yml."
)
SSH_KEY_PASSPHRASE = "khóa này có mật khẩu"
SSH_KEY_UNREADABLE = "tệp này không phải khóa SSH riêng (private key) dùng được"
SSH_SFTP_FAILED = (
    "Máy chủ {where} (cổng {port}, tài khoản “{user}”) không cho ghi: {reason}. Kiểm tra “path”"
    " và quyền ghi của tài khoản."
)
SSH_FAILED = "Lỗi khi làm việc với máy chủ {where} (cổng {port}, tài khoản “{user}”): {reason}."
# Why a connection or a request failed, by the kind of failure (never the library's English).
SSH_REASONS = {
    "refused": "máy chủ từ chối kết nối (chưa chạy SSH, hoặc sai cổng)",
    "timeout": "quá thời gian chờ máy chủ trả lời",
    "unknown_host": "không tìm thấy máy chủ có tên này",
    "unreachable": "không có đường mạng tới máy chủ",
    "lost": "mất kết nối giữa chừng",
    "denied": "tài khoản không có quyền",
    "no_such_file": "không có thư mục hoặc tệp này trên máy chủ",
    "disk_full": "máy chủ hết chỗ trống",
    "other": "máy chủ báo lỗi (mã {code})",
}
GHP_NOT_A_REPOSITORY = (
    "Thư mục dự án {root} chưa là kho Git: GitHub Pages cần dự án nằm trong một kho Git có remote"
    " trên GitHub (git init; git remote add origin <địa chỉ kho>)."
)
GHP_NO_REMOTE = "Kho Git của dự án không có remote “{remote}” (xem: git remote -v)."
GHP_FETCH_FAILED = "Không lấy được nhánh từ {remote}: {reason}."
GHP_PUSH_FAILED = "Không đẩy được lên {remote}: {reason}."
GHP_COMMIT_FAILED = "Không tạo được bản mới trên nhánh GitHub Pages: {reason}."
GHP_COMMIT_MESSAGE = "Cập nhật trang điển hình tiên tiến (dienhinh publish)"
HELP_PUBLISH = "đưa trang đã dựng lên mạng: thư mục, máy chủ SSH hoặc GitHub Pages"
HELP_PUBLISH_TO = "nơi đưa lên khi khai báo nhiều nơi: ssh, folder hoặc github_pages"
HELP_PUBLISH_ROLLBACK = "quay lại bản đưa lên trước đó (máy chủ SSH, GitHub Pages; thư mục: một bản)"
HELP_PUBLISH_NO_BUILD = "không dựng lại, gửi trang đã dựng trong site_dir"
HELP_PUBLISH_ALLOW_SAMPLE = "vẫn đưa lên dù còn dữ liệu minh họa hay địa chỉ mẫu (chỉ để thử)"


PUBLISH_SCRUBBED = (
    "Đã xóa {count} bản cũ trên máy chủ vì còn hồ sơ của người đã rút lại sự đồng ý: từ nay chỉ quay lại"
    " được các bản không còn hồ sơ đó."
)
GHP_HISTORY_KEEPS = (
    "Lưu ý: lịch sử nhánh trên GitHub vẫn giữ các bản cũ có hồ sơ đã rút lại sự đồng ý ({profiles})."
    " Công cụ không xóa được lịch sử đó; muốn xóa hẳn, người quản lý kho phải xóa và tạo lại nhánh"
    " (hoặc xóa kho) trên GitHub."
)
