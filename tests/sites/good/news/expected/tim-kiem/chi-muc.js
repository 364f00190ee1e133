// Chỉ mục tìm kiếm, do congkhai tạo khi dựng trang.
window.CK_SEARCH_INDEX = {"procedures": [
["Đăng ký khai sinh","thu-tuc/dang-ky-khai-sinh/","1.001193","Hộ tịch","dang ki khai sinh","1.001193 ho tich khai sinh","khai sinh"],
["Đăng ký khai tử","thu-tuc/dang-ky-khai-tu/","1.000656","Hộ tịch","dang ki khai tu","1.000656 ho tich ",""],
["Chứng thực bản sao từ bản chính","thu-tuc/chung-thuc-ban-sao-tu-ban-chinh/","2.000815","Chứng thực","chung thuc ban sao tu ban chinh","2.000815 chung thuc ",""]
], "posts": [
["Tin tháng 6","tin-tuc/tin-thang-6/","1/6/2023","tin thang 6"],
["Kết quả tháng 5","tin-tuc/ket-qua-thang-5/","31/5/2023","ket qua thang 5"],
["Họp dân thôn Một","tin-tuc/hop-dan-thon-mot/","1/5/2023","hop dan thon mot"]
]};
