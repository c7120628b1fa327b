// Names of the kind found in the demo commune (Thái, Kinh and Mông families), for generated citizens.
export const FAMILY = ["Lò", "Cầm", "Quàng", "Tòng", "Lường", "Hoàng", "Vì", "Lù", "Mè", "Nguyễn", "Đinh", "Điêu", "Hà", "Sồng"];
export const GIVEN_MALE = ["Văn Thắng", "Văn Hùng", "Văn Minh", "Văn Sơn", "Văn Bình", "Văn Chiến", "Văn Tuấn", "Văn Dũng", "Văn Khánh", "Văn Phong", "A Sử", "A Tủa"];
export const GIVEN_FEMALE = ["Thị Hoa", "Thị Lan", "Thị Mai", "Thị Duyên", "Thị Thu", "Thị Hương", "Thị Ánh", "Thị Yến", "Thị Ngọc", "Thị Tâm", "Thị Pằng", "Thị Xuân"];
// Demonstration hamlets: names of the kind found in the area, not a census list.
export const HAMLETS = ["Nà Sài", "Phiêng Pằn", "Co Sâu", "Nà Lốc", "Huổi Hưa", "Bó Ẩn", "Nà Hường", "Pá Công", "Co Muông", "Lọng Sản"];
